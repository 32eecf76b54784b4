"""Hardware abstraction of the station: the charger wire protocol, its links (TCP, I2C) and ChargerBoard."""
