#!/usr/bin/python3
"""Reads request envelopes the way a zeep-based SOAP server would: as the operation's input message.

usage: zeep_read_request.py WSDL < requests.jsonl
Each input line is {"id": ..., "operation": ..., "envelope": "<soap:Envelope ...>"}. Each output line is
{"id": ..., "header": {...}, "body": {...}} with zeep's deserialization of that envelope, or
{"id": ..., "error": "..."} when zeep cannot read it. Values are JSON: dateTimes in ISO 8601,
decimals and durations as strings, binary as base64.
"""
import base64
import datetime
import decimal
import json
import sys

from lxml import etree
from zeep import Client, helpers


def to_json(value):
    """json.dumps fallback for the Python values zeep produces that JSON has no type for."""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, datetime.timedelta)):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"cannot represent {type(value).__name__} as JSON")


def main():
    client = Client(sys.argv[1])
    service = next(iter(client.wsdl.services.values()))
    binding = next(iter(service.ports.values())).binding
    for line in sys.stdin:
        request = json.loads(line)
        reply = {"id": request["id"]}
        try:
            envelope = etree.fromstring(request["envelope"].encode("utf-8"))
            message = binding.get(request["operation"]).input.deserialize(envelope)
            decoded = helpers.serialize_object(message, dict)
            if isinstance(decoded, dict) and "body" in decoded:
                reply["header"] = decoded["header"]
                reply["body"] = decoded["body"]
            else:  # a message without headers and of one part: zeep returns that part's value alone
                reply["header"] = None
                reply["body"] = decoded
        except Exception as error:  # every failure is a finding to report, never a crash
            reply["error"] = f"{type(error).__name__}: {error}"
        print(json.dumps(reply, default=to_json, ensure_ascii=False), flush=True)


main()
