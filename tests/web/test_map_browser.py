"""The web map in a real Chromium over ``dateline serve``: markers, the time filter, an event's
evidence, article markup shown as text, and no request leaving the local server."""

from __future__ import annotations

from pathlib import Path

from .conftest import XSS, Visit

AL_QAIM_EVIDENCE = "Iraqi security forces had retaken the border post near the town of Al-Qaim in late 2017"


def _open_event(visit: Visit, actor: str) -> None:
    """Filter to one actor's events through the URL, click its one marker, wait for its sources."""
    visit.goto("#actor=" + actor.replace(" ", "+"))
    assert visit.shown() == 1, visit.page.text_content("#status")
    marker = visit.page.locator(".leaflet-marker-icon.ev")
    marker.first.click()
    # the click handler may run after click() returns on a loaded machine: wait for the panel to name its event
    visit.page.wait_for_selector("#detail[data-event-id]", state="attached", timeout=10000)
    event_id = visit.page.get_attribute("#detail", "data-event-id")
    visit.page.wait_for_selector(f'#detail[data-loaded="{event_id}"]', timeout=10000)


def test_markers_appear_with_nothing_from_other_hosts(visit: Visit, tmp_path: Path) -> None:
    visit.goto()
    total = visit.page.evaluate("window.__dateline.events")
    assert total >= 250, "the seed and a few hundred synthetic events"
    assert visit.shown() == total
    assert visit.page.locator(".leaflet-marker-icon").count() > 0, "clusters or single markers on the map"
    assert visit.page.locator("#histogram rect.bar").count() > 10
    assert visit.page.locator(".leaflet-overlay-pane canvas").count() >= 1, "the country outlines"
    visit.page.screenshot(path=tmp_path / "map.png")
    assert any("/v1/events?format=geojson&limit=" in u for u in visit.requests)
    visit.assert_clean()


def test_time_filter_changes_what_is_shown_and_the_url_keeps_it(visit: Visit, tmp_path: Path) -> None:
    visit.goto()
    everything = visit.shown()
    visit.page.fill("#f-from", "2019-01-01")
    visit.page.fill("#f-to", "2019-12-31")
    visit.page.dispatch_event("#f-to", "change")
    # data-view: the filters the map shows, data-drawing: markers still being added (no eval: the CSP forbids it)
    visit.page.wait_for_selector('body[data-view="#from=2019-01-01&to=2019-12-31"]:not([data-drawing])')
    in_2019 = visit.shown()
    assert 0 < in_2019 < everything
    assert "from=2019-01-01" in visit.page.url and "to=2019-12-31" in visit.page.url
    visit.page.screenshot(path=tmp_path / "2019.png")
    link = visit.page.url
    visit.page.goto("about:blank")
    visit.page.goto(link)
    visit.page.wait_for_selector("body[data-status=ready]")
    assert visit.shown() == in_2019, "the link reproduces the view"
    assert visit.page.input_value("#f-from") == "2019-01-01"
    # the brush: dragging across the histogram's left half selects a window there
    box = visit.page.locator("#histogram").bounding_box()
    y = box["y"] + box["height"] / 2
    visit.page.mouse.move(box["x"] + 5, y)
    visit.page.mouse.down()
    visit.page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=4)
    visit.page.mouse.up()
    visit.page.wait_for_selector('body:not([data-view*="from=2019-01-01"]):not([data-drawing])')
    assert 0 < visit.shown() < everything
    assert "from=2019" not in visit.page.url
    visit.assert_clean()


def test_clicking_the_al_qaim_event_shows_its_evidence_and_source(visit: Visit, tmp_path: Path) -> None:
    _open_event(visit, "Military Forces of Iraq")
    detail = visit.page.inner_text("#detail")
    assert AL_QAIM_EVIDENCE in detail
    assert "Government regains territory" in detail
    assert "part-of-year" in detail, "the date's precision"
    assert "geo-precision 2" in detail
    assert "AFP" in detail, "the outlet"
    visit.page.screenshot(path=tmp_path / "al-qaim.png")
    visit.assert_clean()


def test_article_markup_is_shown_as_text(visit: Visit, tmp_path: Path) -> None:
    _open_event(visit, "Xss Brigade")
    page = visit.page
    assert XSS in page.inner_text("#detail"), "the outlet's markup appears literally"
    assert page.locator("#detail img").count() == 0, "no element was created from it"
    assert page.evaluate("typeof window.__xss") == "undefined", "no script ran"
    assert page.locator('#detail a[href^="javascript"]').count() == 0, "a javascript: URL is not a link"
    page.screenshot(path=tmp_path / "markup.png")
    assert not [u for u in visit.requests if u.rstrip("/").endswith("/x")], "the img was never loaded"
    visit.assert_clean()


def test_the_other_filters_from_the_url(visit: Visit) -> None:
    """Type, historical, confidence, country and actor filters, each set through a link."""
    visit.goto()
    everything = visit.shown()
    expected = {
        "#type=Strategic+developments": 1,  # the seed's reopening; the synthetic corpus has none
        "#hist=only": 2,  # the seed's background events: seized in 2014, retaken in 2017
        "#conf=0.81": 2,  # the synthetic events have confidence 0.8
    }
    for fragment, n in expected.items():
        visit.page.goto(visit.base + "/" + fragment)
        visit.page.wait_for_selector(f'body[data-view="{fragment}"]:not([data-drawing])')
        assert visit.shown() == n, fragment
        assert visit.page.input_value("#f-" + fragment[1:].split("=")[0]) == fragment.split("=")[1].replace("+", " ")
    visit.page.goto(visit.base + "/#hist=exclude&country=Iraq")
    visit.page.wait_for_selector('body[data-view="#country=Iraq&hist=exclude"]:not([data-drawing])')
    assert 0 < visit.shown() < everything
    visit.page.click("#f-reset")
    visit.page.wait_for_selector('body[data-view=""]:not([data-drawing])')
    assert visit.shown() == everything
    visit.assert_clean()
