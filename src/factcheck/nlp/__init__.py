"""Language: the spaCy pipeline, the gazetteer, the word lists and the article's entities."""
