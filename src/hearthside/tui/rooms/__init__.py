"""The rooms: Today, Journal, Notes, Dashboard, Guide, and the screens opened from them."""
