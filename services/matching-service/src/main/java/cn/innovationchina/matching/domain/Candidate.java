package cn.innovationchina.matching.domain;

import java.util.List;

/**
 * A provider the text index found for a demand: its raw BM25 relevance and the demand's words it matched. The
 * index is a recall step; the ranking decides.
 */
public record Candidate(Provider provider, TrackRecord trackRecord, double textRelevance, List<String> matchedTerms) {
}
