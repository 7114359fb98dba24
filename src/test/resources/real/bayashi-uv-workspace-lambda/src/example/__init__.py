def hello() -> str:
    return "Hello from example!"
