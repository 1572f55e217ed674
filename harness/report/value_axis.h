// The top of a chart's value axis, shared by every chart deploysim draws (a run's charts over time,
// a sweep's line charts and Pareto plot), so the same largest value gets the same axis everywhere.
//
// The rule is the 1-2-5 series: the top is 1, 2 or 5 times a power of ten. It was chosen over
// 1-2-2.5-5 for two reasons. A run's charts count tasks, and a count should not get a top of 2.5
// (two desired tasks would). And the charts label their axis at halves (a run's) and quarters (a
// sweep's): a 1-2-5 top splits into labels of at most three significant digits (quarters of
// 500: 125, 250, 375; of 5: 1.25, 2.5, 3.75), where a 2.5 top gives 62.5 and 187.5. The price is
// a plot that may use only 40 % of its height (a largest value just above 2 gets a top of 5); every
// figure is also printed in the page's table.
#pragma once

namespace harness::report {

// The smallest 1, 2 or 5 x 10^n (n any integer, so 0.3 -> 0.5) at or above `largest`; 1 when
// `largest` is 0 or below (an empty or all-zero chart still gets an axis). nice_max(7) == 10.
double nice_max(double largest);

}  // namespace harness::report
