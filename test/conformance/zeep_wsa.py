#!/usr/bin/python3
"""Prints the wsa:Action zeep's WsAddressingPlugin would send for each operation of a WSDL's first binding.

usage: zeep_wsa.py WSDL
Output: one JSON object {operation: action or null}; null where the WSDL gives no wsam:/wsaw:Action (the
plugin then sends the SOAPAction instead of the WS-Addressing default action).
"""
import json
import sys

from zeep import Client

from zeep_support import first_binding


def main():
    binding = first_binding(Client(sys.argv[1]))
    actions = {name: op.abstract.wsa_action for name, op in binding._operations.items()}
    print(json.dumps(actions))


main()
