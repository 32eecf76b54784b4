"""A charger board as the host sees it: the ChargerBoard interface, its wire implementation, flashing."""
