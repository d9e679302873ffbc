package org.rnnlab.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypedTextTest {
    @Test
    void typedTextIsLowerCasedAndTokenizedLikeTheCorpus() {
        assertEquals(List.of("he", "did", "n't", "leave", "!"), TypedText.tokens("He didn't leave!"));
        assertEquals(List.of(), TypedText.tokens("   "));
        assertEquals(List.of(), TypedText.tokens(null));
    }
}
