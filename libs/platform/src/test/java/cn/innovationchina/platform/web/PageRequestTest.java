package cn.innovationchina.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.innovationchina.platform.problem.InvalidInput;

class PageRequestTest {

    @Test
    void the_first_pages_of_a_list_start_where_the_previous_ended() {
        assertThat(PageRequest.of(0, 20).offset()).isZero();
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(60);
        assertThat(PageRequest.of(99, 100).offset()).isEqualTo(9_900);
    }

    @Test
    void a_page_number_that_would_wrap_around_is_refused_naming_page() {
        assertThatThrownBy(() -> PageRequest.of(Integer.MAX_VALUE, 100))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("page"));
        assertThatThrownBy(() -> PageRequest.of(21_474_837, 100))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("page"));
    }

    @Test
    void a_page_deeper_than_ten_thousand_items_is_refused_naming_page() {
        assertThatThrownBy(() -> PageRequest.of(100, 100))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                    assertThat(refused.field()).isEqualTo("page");
                    assertThat(refused.getMessage()).contains("10000");
                });
    }

    @Test
    void a_negative_page_or_a_size_outside_one_to_one_hundred_is_refused_naming_it() {
        assertThatThrownBy(() -> PageRequest.of(-1, 20))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("page"));
        assertThatThrownBy(() -> PageRequest.of(0, 0))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("size"));
        assertThatThrownBy(() -> PageRequest.of(0, 101))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("size"));
        assertThatThrownBy(() -> PageRequest.of(0, 60, 50))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("size"));
    }
}
