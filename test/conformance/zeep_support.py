"""What the zeep driver scripts share: the one binding they use, and JSON for zeep's values."""
import base64
import datetime
import decimal


def first_binding(client):
    """The binding of the WSDL's first service's first port: the one the generated client speaks."""
    service = next(iter(client.wsdl.services.values()))
    return next(iter(service.ports.values())).binding


def to_json(value):
    """json.dumps fallback for the Python values zeep produces that JSON has no type for."""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, datetime.timedelta)):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"cannot represent {type(value).__name__} as JSON")
