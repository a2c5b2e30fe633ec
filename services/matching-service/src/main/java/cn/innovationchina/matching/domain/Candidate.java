package cn.innovationchina.matching.domain;

import java.util.List;

/**
 * A provider the index found for a demand: its text relevance (the share of the demand's weighted words its profile
 * covers, written or translated, 0..1; 0 when only a field brought it) and the demand's words it matched. The index
 * is a recall step; the ranking decides.
 */
public record Candidate(Provider provider, TrackRecord trackRecord, double textRelevance, List<String> matchedTerms) {
}
