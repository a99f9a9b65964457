#!/usr/bin/python3
"""Writes response envelopes the way a zeep-based SOAP server would: zeep serializing the operation's output.

usage: zeep_write_response.py WSDL < responses.jsonl
Each input line is {"id": ..., "operation": ..., "body": {...}} where body holds the keyword arguments of
zeep's output signature (values as JSON; a string in an ISO 8601 dateTime field is parsed by zeep). Each
output line is {"id": ..., "envelope": "<soap-env:Envelope ...>"}, or {"id": ..., "error": "..."}.
"""
import json
import sys

from lxml import etree
from zeep import Client

from zeep_support import first_binding


def main():
    client = Client(sys.argv[1])
    binding = first_binding(client)
    for line in sys.stdin:
        request = json.loads(line)
        reply = {"id": request["id"]}
        try:
            envelope = binding.get(request["operation"]).output.serialize(**request["body"])
            reply["envelope"] = etree.tostring(envelope.content, encoding="unicode")
        except Exception as error:  # every failure is a finding to report, never a crash
            reply["error"] = f"{type(error).__name__}: {error}"
        print(json.dumps(reply, ensure_ascii=False), flush=True)


main()
