def main(event, context):
    return "shared"
