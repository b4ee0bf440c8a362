package fr.la27eregion.label.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodesTest {

    private static final String SHAPE = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}";

    private final VerificationCodes codes = new VerificationCodes();

    @Test
    void aCodeIsSixGroupsOfFourSymbolsOfCrockfordsAlphabetThat120BitsFill() {
        assertThat(VerificationCodes.ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
        assertThat(VerificationCodes.SYMBOLS * 5).isGreaterThanOrEqualTo(120);

        assertThat(codes.newCode()).matches(SHAPE).hasSize(29);
    }

    @Test
    void codesDoNotRepeatAndUseEverySymbolInEveryPosition() {
        Set<String> made = IntStream.range(0, 20_000).mapToObj(i -> codes.newCode()).collect(Collectors.toSet());

        assertThat(made).hasSize(20_000).allMatch(code -> code.matches(SHAPE));
        for (int position = 0; position < VerificationCodes.SYMBOLS; position++) {
            int at = position;
            Set<Character> symbols = new HashSet<>();
            made.forEach(code -> symbols.add(code.replace("-", "").charAt(at)));
            assertThat(symbols).as("symbols at %d", at).hasSize(32);
        }
    }

    @Test
    void aCodeReadsBackAsItself() {
        String code = codes.newCode();

        assertThat(codes.normalise(code)).contains(code);
    }

    @Test
    void aTypedCodeIsReadWhateverItsCaseSpacesAndDashes() {
        String code = "K7QF-9XWD-M2RB-0HZC-4TNE-P8GA";

        assertThat(codes.normalise("k7qf-9xwd-m2rb-0hzc-4tne-p8ga")).contains(code);
        assertThat(codes.normalise("  K7QF 9XWD M2RB\t0HZC 4TNE P8GA ")).contains(code);
        assertThat(codes.normalise("K7QF9XWDM2RB0HZC4TNEP8GA")).contains(code);
        assertThat(codes.normalise("K7QF–9XWD—M2RB‑0HZC-4TNE-P8GA")).as("en dash, em dash, non-breaking hyphen")
                .contains(code);
        assertThat(codes.normalise("K7QF\u00a09XWD\u202fM2RB-0HZC--4TNE-P8-GA")).contains(code);
    }

    @Test
    void theLettersThatLookLikeDigitsAreReadAsTheDigits() {
        assertThat(codes.normalise("K7QF-9XWD-M2RB-OHZC-4TNE-P8GA")).contains("K7QF-9XWD-M2RB-0HZC-4TNE-P8GA");
        assertThat(codes.normalise("k7qf-9xwd-m2rb-ohzc-4tne-p8ga")).contains("K7QF-9XWD-M2RB-0HZC-4TNE-P8GA");
        assertThat(codes.normalise("IIII-LLLL-iiii-llll-1111-0000")).contains("1111-1111-1111-1111-1111-0000");
    }

    @Test
    void whatCannotBeACodeIsRefusedWithoutGuessing() {
        assertThat(codes.normalise(null)).isEmpty();
        assertThat(codes.normalise("")).isEmpty();
        assertThat(codes.normalise("   -  ")).isEmpty();
        assertThat(codes.normalise("K7QF-9XWD-M2RB-0HZC-4TNE-P8G")).as("23 symbols").isEmpty();
        assertThat(codes.normalise("K7QF-9XWD-M2RB-0HZC-4TNE-P8GAX")).as("25 symbols").isEmpty();
        assertThat(codes.normalise("K7QF-9XWD-M2RB-0HZC-4TNE-P8GU")).as("U is no symbol").isEmpty();
        assertThat(codes.normalise("K7QF-9XWD-M2RB-0HZC-4TNE-P8G*")).isEmpty();
        assertThat(codes.normalise("K7QF-9XWD-M2RB-0HZC-4TNE-P8GÉ")).isEmpty();
        assertThat(codes.normalise("https://example.org/K7QF-9XWD")).isEmpty();
    }
}
