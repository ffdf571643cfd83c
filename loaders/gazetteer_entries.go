package loaders

// BuiltinGazetteer returns the entries of the gazetteers built into the
// loaders (the TSV files embedded from loaders/gazetteer/), in file order
// (files sorted by name, rows as they stand). Each call parses the files
// afresh, so the caller owns the slice. Tools that need the known names by
// type, such as the synthetic corpus generator, read them here rather than
// from the files on disk.
func BuiltinGazetteer() ([]GazetteerEntry, error) {
	return loadBuiltinGazetteers()
}
