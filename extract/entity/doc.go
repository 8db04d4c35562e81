// Package entity finds the people, organizations and places named in Arabic
// news text and groups their mentions into canonical entities.
//
// The tagger is a two-stage averaged structured perceptron with first-order
// Viterbi decoding over BIO labels (PER, ORG, LOC, and MISC kept
// internally), with features over normalized words, their clitic-free
// bases, affixes, word shape, neighbouring words, the ANERGazet name lists
// and word clusters learned from unlabelled news; the second stage adds how
// the first labelled the word's other occurrences in the article. It is
// trained by our own code (Train, and "marsad train-ner") and the trained
// model is embedded in the package.
//
// # Provenance
//
// The embedded model (model.bin.gz) is trained on ANERcorp (Y. Benajiba,
// P. Rosso, J. M. Benedí Ruiz, "ANERsys: An Arabic Named Entity Recognition
// system based on Maximum Entropy", CICLing 2007), as found in
// ../shared/data/anercorp, and embeds the ANERGazet gazetteers distributed
// with it; both are free for research use. It also stores word statistics
// derived from SaudiNewsNet (M. Alhagri, 2015; CC BY-NC-SA 4.0). See
// MODEL.md for details and for how to retrain it.
package entity
