from common.models import Order
