#!/usr/bin/python3
"""Reads request envelopes the way a zeep-based SOAP server would: as the operation's input message.

usage: zeep_read_request.py WSDL < requests.jsonl
Each input line is {"id": ..., "operation": ..., "envelope": "<soap:Envelope ...>"}. Each output line is
{"id": ..., "header": {...}, "body": {...}} with zeep's deserialization of that envelope, or
{"id": ..., "error": "..."} when zeep cannot read it. Values are JSON: dateTimes in ISO 8601,
decimals and durations as strings, binary as base64.
"""
import json
import sys

from lxml import etree
from zeep import Client, helpers

from zeep_support import first_binding, to_json


def main():
    client = Client(sys.argv[1])
    binding = first_binding(client)
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
