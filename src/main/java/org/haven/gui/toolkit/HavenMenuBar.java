package org.haven.gui.toolkit;

import org.haven.gui.toolkit.I18n;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main menu bar. Features add their items through the named menus, e.g.
 * {@code menus.add(menus.reports(), "print.menu", "mdi2p-printer", "Shortcut+P", () -> ...)}
 * (see {@link Features}).
 */
public final class HavenMenuBar {
    private static final String LAST = "haven.menu.last";
    private final MenuBar bar = new MenuBar();
    private final Menu cases = menu("menu.cases", "menuCases");
    private final Menu operations = menu("menu.operations", "menuOperations");
    private final Menu reports = menu("menu.reports", "menuReports");
    private final Menu admin = menu("menu.admin", "menuAdmin");
    private final Menu help = menu("menu.help", "menuHelp");

    public HavenMenuBar() {
        bar.getMenus().addAll(cases, operations, reports, admin, help);
        bar.setUseSystemMenuBar(true);
        // A menu with no items yet stays hidden, so the bar never shows an empty menu.
        for (Menu m : bar.getMenus()) {
            m.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(m.getItems()));
        }
    }

    public MenuBar node() {
        return bar;
    }

    public Menu cases() {
        return cases;
    }

    public Menu operations() {
        return operations;
    }

    public Menu reports() {
        return reports;
    }

    public Menu admin() {
        return admin;
    }

    public Menu help() {
        return help;
    }

    /**
     * Adds an item to a menu.
     *
     * @param textKey     resource bundle key of the item's text
     * @param icon        Ikonli icon literal (e.g. "mdi2a-account-plus") or null
     * @param accelerator e.g. "Shortcut+N" or null
     */
    public MenuItem add(Menu menu, String textKey, String icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(I18n.t(textKey));
        item.setId(textKey.replace('.', '-'));
        if (icon != null) item.setGraphic(new FontIcon(icon));
        if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        menu.getItems().add(insertIndex(menu), item);
        return item;
    }

    public void separator(Menu menu) {
        menu.getItems().add(insertIndex(menu), new SeparatorMenuItem());
    }

    /** Keeps items (and one separator before them) at the end of their menu, e.g. Log out and Quit. */
    public void pinLast(Menu menu, MenuItem... items) {
        SeparatorMenuItem sep = new SeparatorMenuItem();
        sep.getProperties().put(LAST, true);
        menu.getItems().add(sep);
        for (MenuItem item : items) {
            item.getProperties().put(LAST, true);
            menu.getItems().add(item);
        }
    }

    private static int insertIndex(Menu menu) {
        int i = menu.getItems().size();
        while (i > 0 && menu.getItems().get(i - 1).getProperties().containsKey(LAST)) i--;
        return i;
    }

    private static Menu menu(String key, String id) {
        Menu m = new Menu(I18n.t(key));
        m.setId(id);
        return m;
    }
}
