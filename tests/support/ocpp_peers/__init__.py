"""Real OCPP 1.6J central systems for the tests (Python `ocpp`, npm `ocpp-rpc`) and a TLS test PKI."""
