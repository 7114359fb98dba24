def handler(event, context):
    return "other"
