#!/usr/bin/python3
"""Calls operations the way a zeep client does, over HTTP, and prints what zeep decodes of each reply.

usage: zeep_call.py WSDL_URL ENDPOINT < calls.jsonl
The WSDL is read from WSDL_URL (the stub's `?wsdl`). Each input line is {"id": ..., "operation": ...}: zeep
sends the operation with no arguments to ENDPOINT and reads the reply as its client does
(`binding.process_reply`: a Fault is raised, the output message deserialized). Each output line is
{"id": ..., "header": {...}, "body": ...} or {"id": ..., "error": "..."}; values as in zeep_read_request.py.
"""
import json
import sys

from zeep import Client, helpers

from zeep_support import first_binding, to_json


def main():
    client = Client(sys.argv[1])
    binding = first_binding(client)
    proxy = client.create_service(binding.name, sys.argv[2])
    for line in sys.stdin:
        call = json.loads(line)
        reply = {"id": call["id"]}
        try:
            with client.settings(raw_response=True):
                response = getattr(proxy, call["operation"])()
            decoded = helpers.serialize_object(
                binding.process_reply(client, binding.get(call["operation"]), response), dict
            )
            if isinstance(decoded, dict) and "body" in decoded and "header" in decoded:
                reply["header"] = decoded["header"]
                reply["body"] = decoded["body"]
            else:  # a message without headers and of one part: zeep returns that part's value alone
                reply["header"] = None
                reply["body"] = decoded
        except Exception as error:  # every failure is a finding to report, never a crash
            reply["error"] = f"{type(error).__name__}: {error}"
        print(json.dumps(reply, default=to_json, ensure_ascii=False), flush=True)


main()
