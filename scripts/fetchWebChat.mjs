// Placeholder until the web chat issue lands: the Web Chat bundle is fetched here at install time.
