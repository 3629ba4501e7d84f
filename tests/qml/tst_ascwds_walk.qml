import QtQuick
import QtQuick.Controls
import QtTest
import PracticeLedger.Ui
import PracticeLedger.Backend

// The ASC-WDS page over the small council (`council`, today 25/11/2026, no workplace id set):
// it says plainly that the id is missing and where to set it, the check lists the problem in
// words and the save stays off, and every control has a name.
Item {
    id: root
    width: 1280
    height: 800

    property string currentPage: "asc-wds"

    AscWdsPage {
        id: page
        anchors.fill: parent
        session: council
        app: root
    }

    function findAll(item, test, into) {
        if (!item)
            return into;
        if (test(item))
            into.push(item);
        if (item.data)
            for (let i = 0; i < item.data.length; ++i)
                root.findAll(item.data[i], test, into);
        if (item.contentItem && item.contentItem !== item)
            root.findAll(item.contentItem, test, into);
        return into;
    }
    function named(name) {
        const found = root.findAll(page, o => o.checkable !== undefined && o.down !== undefined && o.Accessible.name === name, []);
        return found.length > 0 ? found[0] : null;
    }

    TestCase {
        name: "AscWdsWalk"
        when: windowShown

        function test_1_theExportSaysWhatIsMissingAndSavesNothing() {
            const exporter = page.exporter;
            compare(exporter.workplaceId, "");
            compare(exporter.asOf, "25/11/2026");
            // (An item may be reached twice: through a control's data and its content item.)
            const missing = root.findAll(page, o => o.text !== undefined && o.wrapMode !== undefined
                                         && o.Accessible.name === "Workplace id not set" && o.visible, []);
            verify(missing.length > 0, "the missing id is not said");
            verify(missing[0].text.indexOf("Settings") >= 0, missing[0].text);

            const check = root.named("Check the training file without writing anything");
            const save = root.named("Save the ASC-WDS training file");
            verify(check && save, "no check or save button");
            verify(!save.enabled);
            mouseClick(check);
            tryVerify(() => exporter.state === "invalid" && !council.tasks.running, 20000, exporter.state);
            verify(exporter.problems.count > 0);
            compare(exporter.problems.get(0).field, "LOCALESTID");
            verify(!save.enabled);
            verify(exporter.summary.indexOf("nothing can be written") >= 0, exporter.summary);

            // The way to the setting.
            mouseClick(root.named("Open Settings to set the ASC-WDS workplace id"));
            compare(root.currentPage, "settings");
        }

        function test_2_theImportWaitsForAFileAndEveryControlIsNamed() {
            const importer = page.importer;
            compare(importer.state, "idle");
            const buttons = root.findAll(page, o => o.checkable !== undefined && o.down !== undefined && o.visible, []);
            verify(buttons.length >= 5, buttons.length);
            for (const b of buttons)
                verify(b.Accessible.name !== "", "a button without a name: " + b.text);
            const importButton = root.named("Import the checked training file");
            verify(importButton && !importButton.enabled);
            const fields = root.findAll(page, o => o.activeFocusOnTab !== undefined && o.selectByMouse !== undefined && o.visible, []);
            for (const f of fields)
                verify(f.Accessible.name !== "", "a field without a name");
        }
    }
}
