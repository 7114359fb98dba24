class Order:
    TABLE = 'orders'
