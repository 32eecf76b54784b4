"""The chargers: one link task per ESP32, their health, the manager and what it publishes."""
