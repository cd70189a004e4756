package omega.titans.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TemperatureTest {

    /** The model reports softmax(z) while the truth is drawn from softmax(z / trueTemperature). */
    private static List<Temperature.Observation> observations(double trueTemperature, long seed) {
        Random random = new Random(seed);
        List<Temperature.Observation> observations = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            double[] z = {random.nextGaussian() * 3, random.nextGaussian() * 3, random.nextGaussian() * 3};
            Map<String, Double> reported = softmax(z, 1);
            Map<String, Double> truth = softmax(z, trueTemperature);
            double u = random.nextDouble();
            String drawn = u < truth.get("v0") ? "v0" : u < truth.get("v0") + truth.get("v1") ? "v1" : "v2";
            observations.add(new Temperature.Observation(reported, drawn));
        }
        return observations;
    }

    private static Map<String, Double> softmax(double[] z, double t) {
        Map<String, Double> p = new HashMap<>();
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v / t);
        }
        for (int i = 0; i < z.length; i++) {
            p.put("v" + i, Math.exp(z[i] / t) / sum);
        }
        return p;
    }

    @Test
    void recoversTheTemperatureOfAnOverAndAnUnderConfidentModel() {
        assertEquals(2.0, Temperature.fit(observations(2.0, 1)).value(), 0.2);
        assertEquals(0.5, Temperature.fit(observations(0.5, 2)).value(), 0.06);
        assertEquals(1.0, Temperature.fit(List.of()).value());
    }

    @Test
    void scalingKeepsTheRankingAndSumsToOne() {
        Map<String, Double> scaled = new Temperature(2.5).apply(Map.of("a", 0.7, "b", 0.2, "c", 0.1));
        assertEquals(1.0, scaled.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        assertTrue(scaled.get("a") > scaled.get("b") && scaled.get("b") > scaled.get("c"));
        assertTrue(scaled.get("a") < 0.7, "softened");
    }
}
