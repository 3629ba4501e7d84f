import QtQuick
import QtCharts
import PracticeLedger.Ui
import PracticeLedger.Backend

// Coverage at each month end as a line, drawn from core's chart: its month labels, its values
// and its y axis (which starts near the lowest point, so that a fall shows as one).
ChartView {
    id: root
    required property TrendController controller

    /// Draws the chart again from the controller's report.
    function redraw() {
        line.clear();
        dots.clear();
        for (const label of monthAxis.categoriesLabels)
            monthAxis.remove(label);
        const labels = root.controller.xLabels;
        const values = root.controller.values;
        const count = labels.length;
        monthAxis.min = -0.5;
        monthAxis.max = Math.max(count - 0.5, 0.5);
        // As many month labels as fit whole (about 70 pixels each, the plot being the chart
        // less its y axis), the last month always among them.
        const fit = Math.max(1, Math.floor((root.width - 110) / 70));
        const step = Math.max(1, Math.ceil(count / fit));
        for (let i = 0; i < count; ++i) {
            if ((count - 1 - i) % step === 0)
                monthAxis.append(labels[i], i);
            if (values[i] !== undefined && values[i] !== null) {
                line.append(i, values[i]);
                dots.append(i, values[i]);
            }
        }
        // Core's axis as it is: a tick every ten per cent from its round-ten start.
        percentAxis.min = root.controller.yMin;
        percentAxis.max = root.controller.yMax;
        percentAxis.tickCount = Math.max(2, Math.round((root.controller.yMax - root.controller.yMin) / 10) + 1);
    }

    antialiasing: true
    legend.visible: false
    backgroundRoundness: 0
    // Room on the right for the last month's label, centred on the last point.
    margins { top: 8; bottom: 8; left: 8; right: 28 }
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("%1, %2").arg(root.controller.chartTitle).arg(root.controller.subtitle)

    Connections {
        target: root.controller
        function onReportChanged() { root.redraw(); }
    }
    Component.onCompleted: root.redraw()
    onWidthChanged: root.redraw()

    ValueAxis {
        id: percentAxis
        min: 0
        max: 100
        tickCount: 6
        labelFormat: "%.0f%%"
        titleText: root.controller.yLabel
        labelsFont.pointSize: 11
        titleFont.pointSize: 11
        // A line every 5%, so that a fall of a few points can be read off the chart.
        minorTickCount: 1
        minorGridVisible: true
    }
    CategoryAxis {
        id: monthAxis
        labelsPosition: CategoryAxis.AxisLabelsPositionOnValue
        labelsFont.pointSize: 10
        gridVisible: false
    }
    LineSeries {
        id: line
        name: qsTr("Coverage %")
        axisX: monthAxis
        axisY: percentAxis
        color: Theme.accent
        width: 3
    }
    ScatterSeries {
        id: dots
        name: qsTr("Month end")
        axisX: monthAxis
        axisY: percentAxis
        color: Theme.accent
        borderColor: Theme.surface
        markerSize: 9
    }
}
