MARKER = "planted-zip-body-4711"


def handler(event, context):
    return {"ok": True, "marker": MARKER}
