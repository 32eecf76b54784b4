"""The evse-sim charger simulator: its process and control channel, and its virtual I2C bus."""
