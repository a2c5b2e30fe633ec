package cn.innovationchina.expert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.platform.problem.InvalidInput;

/** What a search may ask for, whatever reaches the service past the platform's checks. */
class ProviderSearchTextTest {

    @Test
    void a_search_text_with_a_control_character_is_refused_naming_text() {
        for (String text : new String[] {"\u0000", "fuel\u0000cell", "fuel\u001Bcell", "\u007F"}) {
            assertThatThrownBy(() -> new ProviderSearch(null, List.of(), null, null, null, text))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("text"));
        }
        assertThat(new ProviderSearch(null, List.of(), null, null, null, "燃料电池\tstack").text())
                .isEqualTo("燃料电池\tstack");
    }
}
