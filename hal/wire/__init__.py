"""The charger wire protocol: the frame codec and the generated message definitions."""
