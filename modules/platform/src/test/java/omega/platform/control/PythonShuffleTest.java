package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The evaluation split must be CPython's: these are random.Random(42).shuffle(list(range(n))) outputs. */
class PythonShuffleTest {

    @Test
    void matchesCPythonForSeed42() {
        assertEquals(List.of(1258, 2499, 146, 3930, 4591, 5264, 4678, 3829, 4341, 3390),
                PythonShuffle.permutation(5431, 42).subList(0, 10));
        assertEquals(List.of(7, 3, 2, 8, 5, 6, 9, 4, 0, 1), PythonShuffle.permutation(10, 42));
    }
}
