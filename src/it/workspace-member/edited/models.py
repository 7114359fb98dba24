class Order:
    TABLE = 'orders-v2'
