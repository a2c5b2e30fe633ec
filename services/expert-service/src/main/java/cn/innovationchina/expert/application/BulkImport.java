package cn.innovationchina.expert.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.innovationchina.expert.domain.ProfileRules;
import cn.innovationchina.expert.domain.Provider;
import cn.innovationchina.expert.domain.Violation;
import cn.innovationchina.expert.persistence.ProviderRepository;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.problem.NotFound;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Onboards many providers at once (ADR 0011). Every row is checked by the same rules as a single profile; good
 * rows are registered, each with its own ProviderRegistered through the outbox, bad ones are reported with their
 * line and fields. The provider id is derived from the importer and the row's external id, so running the same
 * file again finds every row already there and registers nothing new.
 */
@Service
public class BulkImport {

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    /** Whose rows a platform administrator imports: they belong to no society. */
    static final String PLATFORM_SCOPE = "PLATFORM";

    private final ImportParser parser;
    private final ProfileRules rules;
    private final ProviderRepository providers;
    private final int batchSize;

    BulkImport(ImportParser parser, ProfileRules rules, ProviderRepository providers,
            @Value("${expert.import.batch-size}") int batchSize) {
        this.parser = parser;
        this.rules = rules;
        this.providers = providers;
        this.batchSize = batchSize;
    }

    private record Candidate(String id, Decision<Provider> decision) {
    }

    private enum Outcome {
        REGISTERED,
        ALREADY_IMPORTED
    }

    public Mono<ImportReport> run(PlatformUser importer, ImportFormat format, String content) {
        return scope(importer).flatMap(scope -> {
            List<ImportParser.Row> rows = parser.parse(format, content);
            List<ImportReport.RejectedRow> rejected = new ArrayList<>();
            List<Candidate> candidates = candidates(rows, scope, rejected);
            return Flux.fromIterable(candidates).buffer(batchSize)
                    .concatMap(this::register)
                    .collectList()
                    .map(outcomes -> {
                        int registered = (int) outcomes.stream().filter(o -> o == Outcome.REGISTERED).count();
                        return new ImportReport(rows.size(), registered, outcomes.size() - registered, rejected);
                    });
        });
    }

    /** A platform administrator imports unaffiliated providers; a verified society or institute its members. */
    private Mono<String> scope(PlatformUser importer) {
        if (importer.is(Role.PLATFORM_ADMIN)) {
            return Mono.just(PLATFORM_SCOPE);
        }
        String organisation = importer.providerId();
        return providers.find(organisation)
                .switchIfEmpty(Mono.error(() -> new NotFound("Provider", organisation)))
                .filter(Provider::leadsExpertGroup)
                .switchIfEmpty(Mono.error(() ->
                        new AccessDeniedException("Only an active society or institute onboards members")))
                .doOnNext(Provider::requireVerifiedToEnrol)
                .map(Provider::id);
    }

    private List<Candidate> candidates(List<ImportParser.Row> rows, String scope,
            List<ImportReport.RejectedRow> rejected) {
        Map<String, Integer> firstLine = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (ImportParser.Row row : rows) {
            List<Violation> errors = new ArrayList<>(row.errors());
            String externalId = row.externalId();
            if (externalId == null || externalId.isBlank()) {
                errors.add(new Violation("externalId", "is required"));
            } else if (!EXTERNAL_ID.matcher(externalId).matches()) {
                errors.add(new Violation("externalId", "must be 1-40 letters, digits, '.', '_' or '-'"));
            } else if (firstLine.putIfAbsent(externalId, row.line()) != null) {
                errors.add(new Violation("externalId", "appears again; first on line " + firstLine.get(externalId)));
            }
            if (row.draft() != null) {
                var outcome = rules.check(row.draft());
                if (outcome instanceof ProfileRules.Refused refused) {
                    errors.addAll(refused.violations());
                } else if (errors.isEmpty()) {
                    var accepted = (ProfileRules.Accepted) outcome;
                    String id = scope + "-" + externalId;
                    String memberOf = PLATFORM_SCOPE.equals(scope) ? null : scope;
                    if (memberOf != null && accepted.profile().isOrganisation()) {
                        // A group's rows become its members, and an organisation is never a member (ADR 0010).
                        errors.add(new Violation("kind", "must be EXPERT: a group's import registers its members"));
                    } else {
                        candidates.add(new Candidate(id, Provider.register(id, externalId, memberOf,
                                accepted.profile(), accepted.contact())));
                    }
                }
            }
            if (!errors.isEmpty()) {
                rejected.add(new ImportReport.RejectedRow(row.line(), externalId, errors));
            }
        }
        return candidates;
    }

    /**
     * Registers the batch's new rows with one write. Another import of the same row may win the race between the
     * look-up and the write: that row is already imported, not an error.
     */
    private Flux<Outcome> register(List<Candidate> batch) {
        return providers.existing(batch.stream().map(Candidate::id).toList())
                .flatMap(existing -> providers.createAll(batch.stream()
                        .filter(candidate -> !existing.contains(candidate.id()))
                        .map(Candidate::decision).toList()))
                .flatMapMany(registered -> Flux.fromIterable(batch).map(candidate ->
                        registered.contains(candidate.id()) ? Outcome.REGISTERED : Outcome.ALREADY_IMPORTED));
    }
}
