import QtQuick
import QtQuick.Controls
import QtTest
import PracticeLedger.Ui
import PracticeLedger.Backend

// The shared components: status in words and colour, labelled fields with their problems,
// choices that report values, and the coverage cell a person activates by mouse or keyboard.
Item {
    id: root
    width: 800
    height: 600

    Component {
        id: badgeComponent
        StatusBadge {}
    }
    Component {
        id: formFieldComponent
        FormField {}
    }
    Component {
        id: choiceFieldComponent
        ChoiceField {}
    }
    Component {
        id: cellComponent
        CoverageCell {}
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    /// The first item under `item` (itself included) for which `test` holds.
    function findItem(item, test) {
        if (test(item))
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = root.findItem(item.children[i], test);
            if (found)
                return found;
        }
        return null;
    }
    function texts(item) {
        let out = [];
        if (item.text !== undefined && item.visible)
            out.push(String(item.text));
        for (let i = 0; i < item.children.length; ++i)
            out = out.concat(root.texts(item.children[i]));
        return out;
    }

    TestCase {
        name: "StatusBadge"
        when: windowShown

        function test_showsTheWordOnAStatusColour() {
            const overdue = createTemporaryObject(badgeComponent, root,
                                                  { status: "overdue", label: "Overdue" });
            const compliant = createTemporaryObject(badgeComponent, root,
                                                    { status: "compliant", label: "Compliant" });
            verify(overdue && compliant);
            compare(overdue.text, "Overdue");
            compare(compliant.text, "Compliant");
            compare(overdue.Accessible.name, "Overdue");
            verify(Qt.colorEqual(overdue.background.color, Theme.statusColour("overdue")));
            verify(Qt.colorEqual(compliant.background.color, Theme.statusColour("compliant")));
            verify(Qt.colorEqual(overdue.color, Theme.statusTextColour("overdue")));
            verify(!Qt.colorEqual(overdue.background.color, compliant.background.color),
                   "overdue and compliant share a colour");
            verify(!Qt.colorEqual(overdue.color, compliant.color));
            verify(overdue.implicitWidth > 0 && overdue.implicitHeight > 0);
        }

        function test_eachStatusHasItsOwnColour() {
            const statuses = ["compliant", "due_soon", "overdue", "not_yet_due"];
            let seen = [];
            for (const s of statuses) {
                const badge = createTemporaryObject(badgeComponent, root, { status: s, label: s });
                const colour = String(badge.background.color);
                verify(seen.indexOf(colour) < 0, s + " has the colour of another status");
                seen.push(colour);
            }
        }
    }

    TestCase {
        name: "FormField"
        when: windowShown

        function test_showsItsErrorAndIsNamedByItsLabel() {
            const field = createTemporaryObject(formFieldComponent, root,
                                                { label: "Email", text: "not-an-email" });
            verify(field);
            compare(field.field.Accessible.name, "Email");
            compare(field.field.text, "not-an-email");
            // No error: no warning line.
            verify(root.texts(field).every(t => t.indexOf("⚠") < 0), root.texts(field).join("|"));

            field.error = "Type an email address like name@example.org";
            const shown = root.findItem(field, i => i.visible && i.text !== undefined
                                        && String(i.text).indexOf("Type an email address") >= 0
                                        && i !== field.field);
            verify(shown, "the error is not shown: " + root.texts(field).join("|"));
            compare(shown.text, "⚠ Type an email address like name@example.org");
            compare(shown.Accessible.name, "Type an email address like name@example.org");
            compare(field.field.Accessible.description, "Type an email address like name@example.org");

            field.error = "";
            verify(!shown.visible);
        }

        function test_reportsEditsAndShowsItsHint() {
            const field = createTemporaryObject(formFieldComponent, root,
                                                { label: "Full name", hint: "As on the payroll" });
            const edited = createTemporaryObject(spyComponent, root,
                                                 { target: field, signalName: "edited" });
            verify(root.texts(field).indexOf("As on the payroll") >= 0, root.texts(field).join("|"));
            compare(field.field.Accessible.description, "As on the payroll");
            field.field.forceActiveFocus();
            keyClick(Qt.Key_A);
            compare(edited.count, 1);
            compare(edited.signalArguments[0][0], "a");
            compare(field.text, "a");
        }
    }

    TestCase {
        name: "ChoiceField"
        when: windowShown

        function comboIn(field) {
            return root.findItem(field, i => i.popup !== undefined && i.currentIndex !== undefined);
        }

        function test_emitsTheValueNotTheLabelWhenAChoiceIsActivated() {
            const field = createTemporaryObject(choiceFieldComponent, root, {
                label: "Registration body",
                choices: [{ value: "", label: "None" },
                          { value: "SWE", label: "Social Work England" },
                          { value: "HCPC", label: "HCPC" }],
                value: "SWE"
            });
            const chosen = createTemporaryObject(spyComponent, root,
                                                 { target: field, signalName: "chosen" });
            const box = comboIn(field);
            verify(box);
            compare(box.Accessible.name, "Registration body");
            compare(box.currentIndex, 1);
            compare(box.displayText, "Social Work England");

            // From the keyboard: the next choice.
            box.forceActiveFocus();
            keyClick(Qt.Key_Down);
            compare(chosen.count, 1);
            compare(chosen.signalArguments[0][0], "HCPC");

            // With the mouse: open the list and click a choice.
            mouseClick(box);
            tryCompare(box.popup, "opened", true);
            const list = box.popup.contentItem;
            const first = list.itemAtIndex(1);
            verify(first, "no delegate for the second choice");
            compare(first.text, "Social Work England");
            mouseClick(first);
            compare(chosen.count, 2);
            compare(chosen.signalArguments[1][0], "SWE");
            tryCompare(box.popup, "visible", false);
        }

        function test_plainStringChoicesAreTheirOwnValues() {
            const field = createTemporaryObject(choiceFieldComponent, root, {
                label: "Team", choices: ["East", "West"], value: "East"
            });
            const chosen = createTemporaryObject(spyComponent, root,
                                                 { target: field, signalName: "chosen" });
            const box = comboIn(field);
            compare(box.currentIndex, 0);
            box.forceActiveFocus();
            keyClick(Qt.Key_Down);
            compare(chosen.count, 1);
            compare(chosen.signalArguments[0][0], "West");
        }

        // An editor sets `value` when it loads another record; a choice made by hand before
        // must not leave the box showing the old one.
        function test_followsItsValueAfterAChoiceWasMade() {
            const field = createTemporaryObject(choiceFieldComponent, root, {
                label: "Registration body",
                choices: [{ value: "", label: "None" }, { value: "SWE", label: "Social Work England" },
                          { value: "HCPC", label: "HCPC" }],
                value: "SWE"
            });
            const box = comboIn(field);
            box.forceActiveFocus();
            keyClick(Qt.Key_Down);
            compare(box.currentIndex, 2);
            field.value = "";
            compare(box.currentIndex, 0);
            compare(box.displayText, "None");
            field.value = "HCPC";
            compare(box.currentIndex, 2);
        }

        function test_showsItsError() {
            const field = createTemporaryObject(choiceFieldComponent, root, {
                label: "Team", choices: ["East"], error: "Choose a team"
            });
            verify(root.texts(field).indexOf("⚠ Choose a team") >= 0, root.texts(field).join("|"));
            compare(comboIn(field).Accessible.description, "Choose a team");
        }
    }

    TestCase {
        name: "CoverageCell"
        when: windowShown

        function makeCell(overdue, dueSoon, band) {
            return createTemporaryObject(cellComponent, root, {
                row: 2, column: 4, percent: "25.0%", detail: "1 of 4 covered, 3 overdue",
                band: band, overdue: overdue, dueSoon: dueSoon, isTotal: false,
                accessibleText: "Carers' Support, Fire safety: 25.0% covered, 1 of 4 covered, 3 overdue"
            });
        }

        function test_showsOverdueInWordsAndIsNamed() {
            const cell = makeCell(3, 0, "poor");
            verify(cell);
            const shown = root.texts(cell);
            verify(shown.indexOf("25.0%") >= 0, shown.join("|"));
            verify(shown.indexOf("3 overdue") >= 0, shown.join("|"));
            compare(cell.Accessible.name,
                    "Carers' Support, Fire safety: 25.0% covered, 1 of 4 covered, 3 overdue");
            verify(Qt.colorEqual(cell.background.color, Theme.bandColour("poor")));
        }

        function test_showsDueSoonOrAllCoveredWhenNothingIsOverdue() {
            verify(root.texts(makeCell(0, 2, "fair")).indexOf("2 due soon") >= 0);
            verify(root.texts(makeCell(0, 0, "good")).indexOf("all covered") >= 0);
            const empty = root.texts(makeCell(0, 0, "empty"));
            verify(empty.indexOf("all covered") < 0 && empty.indexOf("0 overdue") < 0, empty.join("|"));
        }

        function test_activatedByClickReturnAndSpace() {
            const cell = makeCell(3, 0, "poor");
            const activated = createTemporaryObject(spyComponent, root,
                                                    { target: cell, signalName: "activated" });
            mouseClick(cell);
            compare(activated.count, 1);
            cell.forceActiveFocus();
            verify(cell.activeFocus);
            keyClick(Qt.Key_Return);
            compare(activated.count, 2);
            keyClick(Qt.Key_Space);
            compare(activated.count, 3);
        }
    }
}
