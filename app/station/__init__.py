"""The controlled site: the chargers and the load balancer under one arbiter."""
