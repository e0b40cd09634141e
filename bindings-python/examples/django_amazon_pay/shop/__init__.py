"""A minimal Django shop that takes Amazon Pay payments through the Axerve gateway."""
