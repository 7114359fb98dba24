from common import Order


def handler(event, context):
    return Order.TABLE
