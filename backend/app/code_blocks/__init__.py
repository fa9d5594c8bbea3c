"""The code library: code blocks taken from replies (or saved by hand), analysed, versioned, searched
and exported."""
