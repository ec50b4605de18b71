"""Reading: bytes to text (decode), and the two front ends, text and HTML, that turn a page
into the one block stream every stage reads."""
