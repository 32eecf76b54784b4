"""Byte links to the chargers: the transport interface, I2C and TCP, link statistics and errors."""
