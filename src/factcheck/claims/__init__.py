"""Claims: typed claims read from one parsed article, and the claim graph built from them."""
