"""The running station: the composition of chargers and balancer, its runtime, clock and recorder."""
