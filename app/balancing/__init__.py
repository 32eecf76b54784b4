"""Load balancing: the site's power tree, the allocator and its policies, the balancer task."""
