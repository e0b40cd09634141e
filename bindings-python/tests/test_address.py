"""The normalised Address and Amazon Pay's addresses of a callReadTrxS2S result."""

from __future__ import annotations

from pathlib import Path

import gestpay

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def test_amazon_addresses_of_the_corpus() -> None:
    found = 0
    for xml in sorted((FIXTURES / "s2s" / "callReadTrxS2S").glob("*.response.xml")):
        try:
            result = gestpay.CallReadTrxS2SResult.from_xml(xml.read_bytes())
        except gestpay.GestpayError:
            continue
        addresses = result.amazon_addresses()
        assert (addresses is None) == (result.order_reference_details is None)
        if addresses is not None:
            found += 1
            for part in (addresses.shipping, addresses.billing):
                assert part is None or not part.is_empty
    assert found > 0


def test_no_order_reference_means_none() -> None:
    assert gestpay.CallReadTrxS2SResult(transaction_result="OK").amazon_addresses() is None


def test_address_from_request_models() -> None:
    shipping = gestpay.ShippingAddress(first_name=" Marco ", last_name="Rossi",
                                       street_name="via Gobetti", house_number="15",
                                       city="Roma", zip_code="00185", country_code="IT",
                                       state="", state_code="RM", email="m@example.it")
    address = gestpay.Address.from_model(shipping)
    assert address == gestpay.Address(name="Marco Rossi", address_line1="via Gobetti 15",
                                      city="Roma", postal_code="00185", country_code="IT",
                                      state_or_region="RM", email="m@example.it")
    assert address.street_lines == ("via Gobetti 15",)
    details = gestpay.ShippingDetails(ship_to_name="Ale", ship_to_street="Corso 1")
    assert gestpay.Address.from_model(details).address_line1 == "Corso 1"
    assert gestpay.Address.from_model(gestpay.AmazonAddress(county="Surrey")).county == "Surrey"
    assert gestpay.Address().is_empty
