pragma Singleton
import QtQuick

// Colours and sizes shared by every page. Status colours always come with words.
QtObject {
    readonly property color window: "#f5f6f8"
    readonly property color surface: "#ffffff"
    readonly property color border: "#d5d9e0"
    readonly property color text: "#1d2330"
    readonly property color muted: "#5a6372"
    readonly property color accent: "#1f5fa8"
    readonly property color accentText: "#ffffff"
    readonly property color navBackground: "#233045"
    readonly property color navText: "#e8edf5"
    readonly property color navSelected: "#35507a"
    readonly property color error: "#b3261e"
    readonly property color errorBackground: "#fdecea"
    readonly property color noticeBackground: "#fff4d6"

    readonly property int spacing: 8
    readonly property int margin: 16
    readonly property int radius: 4
    readonly property real titleSize: 20
    readonly property real headingSize: 15

    function statusColour(status: string): color {
        switch (status) {
        case "compliant":
        case "met":
        case "final": return "#d9efdc";
        case "due_soon": return "#fff0c2";
        case "overdue":
        case "not_met": return "#f9d6d3";
        case "not_yet_due":
        case "draft": return "#e3e8f0";
        }
        return "#eeeeee";
    }
    function statusTextColour(status: string): color {
        switch (status) {
        case "compliant":
        case "met":
        case "final": return "#1e5b2a";
        case "due_soon": return "#6b4d00";
        case "overdue":
        case "not_met": return "#8a1c14";
        case "not_yet_due":
        case "draft": return "#38465c";
        }
        return text;
    }
    function bandColour(band: string): color {
        switch (band) {
        case "good": return "#d9efdc";
        case "fair": return "#fff0c2";
        case "poor": return "#f9d6d3";
        case "none": return "#e3e8f0";
        }
        return "#f7f7f7";
    }
}
