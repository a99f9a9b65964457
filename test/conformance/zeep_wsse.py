#!/usr/bin/python3
"""Writes the wsse:Security header block zeep's UsernameToken adds to an envelope, for fixed inputs.

usage: zeep_wsse.py < tokens.jsonl
Each input line is {"id": ..., "username": ..., "password": ..., "digest": bool, "nonce": "<text whose
UTF-8 bytes are the nonce>", "created": "2024-05-06T07:08:09Z", "timestamp": {"created": ..., "expires": ...}
or null}. Each output line is {"id": ..., "xml": "<wsse:Security ...>"}, or {"id": ..., "error": "..."}.
"""
import datetime
import json
import sys

from lxml import etree
from zeep.wsse import utils
from zeep.wsse.username import UsernameToken

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"


def utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")


def main():
    for line in sys.stdin:
        request = json.loads(line)
        reply = {"id": request["id"]}
        try:
            timestamp = None
            if request.get("timestamp"):
                timestamp = utils.WSU.Timestamp(
                    utils.WSU.Created(request["timestamp"]["created"]),
                    utils.WSU.Expires(request["timestamp"]["expires"]),
                )
            token = UsernameToken(
                request["username"],
                request["password"],
                use_digest=request["digest"],
                nonce=request["nonce"],
                created=utc(request["created"]),
                zulu_timestamp=True,
                timestamp_token=timestamp,
            )
            envelope = etree.Element("{%s}Envelope" % SOAP_ENV)
            etree.SubElement(envelope, "{%s}Body" % SOAP_ENV)
            token.apply(envelope, {})
            security = envelope.find("{%s}Header" % SOAP_ENV)[0]
            reply["xml"] = etree.tostring(security, encoding="unicode")
        except Exception as error:  # every failure is a finding to report, never a crash
            reply["error"] = f"{type(error).__name__}: {error}"
        print(json.dumps(reply, ensure_ascii=False), flush=True)


main()
