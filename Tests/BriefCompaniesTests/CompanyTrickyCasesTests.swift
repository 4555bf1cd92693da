import XCTest

@testable import BriefCompanies

/// Sentences that trip naive company matching: ordinary words, names of people and places,
/// possessives, sentence starts, overlapping spellings, products, URLs.
final class CompanyTrickyCasesTests: XCTestCase {
    static let cases: [(String, [String])] = [
        // Ordinary words that are also company names need evidence.
        ("Apple unveiled a new iPhone on Tuesday.", ["Apple"]),
        ("She ate an apple at lunch.", []),
        ("Apple pie is a classic dessert.", []),
        ("The deal values Apple at three trillion dollars.", ["Apple"]),
        ("Meta shares rose after the earnings call.", ["Meta"]),
        ("The metadata was incomplete.", []),
        ("Meta-analysis shows the drug works.", []),
        ("Amazon said it would hire more warehouse workers.", ["Amazon"]),
        ("The Amazon rainforest lost more trees this year.", []),
        ("Shell reported higher profits for the quarter.", ["Shell"]),
        ("The turtle retreated into its shell.", []),
        ("Target cut its sales forecast.", ["Target"]),
        ("The target is to cut emissions by half.", []),
        ("Oracle shares jumped on cloud demand.", ["Oracle"]),
        ("He consulted the oracle before the battle.", []),
        ("Block laid off staff, the company said.", ["Block"]),
        ("Block the road before the parade begins.", []),
        ("Snap reported a loss for the quarter.", ["Snap"]),
        ("In a snap decision, the board resigned.", []),
        ("Arm designs the chips used in most phones.", ["Arm"]),
        ("He broke his arm while skiing.", []),
        // People and places named like companies.
        ("Harrison Ford stars in the new film.", []),
        ("Michael Dell founded the company in his dorm room.", []),
        ("Dell shipped more PCs this quarter.", ["Dell Technologies"]),
        ("Nikola Tesla was a prolific inventor.", []),
        ("The Powerwall is made at Gigafactory New York.", []),
        ("A report from The Information says Nvidia is hiring.", ["Nvidia"]),
        // Possessives and spellings.
        ("Tesla's sales fell, while xAI’s valuation rose.", ["Tesla", "xAI"]),
        ("Teslas are a common sight in Norway.", []),
        ("Tesla Energy set a record for storage deployments.", ["Tesla"]),
        ("NVIDIA and AMD both make graphics chips.", ["Nvidia", "AMD"]),
        ("X.AI, Elon Musk's company, raised more money.", ["xAI"]),
        ("McDonald's sold more burgers than expected.", ["McDonald's"]),
        ("McDonald’s franchisees pushed back on the plan.", ["McDonald's"]),
        ("AT&T and T-Mobile cut prices again.", ["AT&T", "T-Mobile"]),
        ("Johnson & Johnson settled the case.", ["Johnson & Johnson"]),
        ("Nestlé and L'Oréal reported results on Thursday.", ["Nestlé", "L'Oréal"]),
        ("JD.com expanded its delivery network.", ["JD.com"]),
        ("3M agreed to pay a settlement over water pollution.", ["3M"]),
        ("Microsoft-backed OpenAI launched a new model.", ["Microsoft", "OpenAI"]),
        ("Samsung Electronics and SK Hynix make memory chips.", ["Samsung", "SK Hynix"]),
        ("Alphabet's Google is investing in Texas.", ["Alphabet", "Google"]),
        // Companies inside product names, and no matches in URLs or inside words.
        ("Sales of the Apple Watch slowed in China.", ["Apple"]),
        ("Google Maps added a new feature for drivers.", ["Google"]),
        ("Visit https://www.apple.com/iphone for details.", []),
        ("Email press@tesla.com or see tesla.com/news for comment.", []),
        ("The Intelligence report mentioned no chipmaker.", []),
        ("Uberization of services continues, analysts say.", []),
        // Order: most mentioned first, then first mention.
        ("Google met Tesla. Tesla's team and Tesla's board agreed.", ["Tesla", "Google"]),
    ]

    func testTrickySentences() {
        let tagger = CompanyTagger(gazetteer: .builtIn)
        XCTAssertGreaterThanOrEqual(Self.cases.count, 40)
        for (sentence, expected) in Self.cases {
            let found = tagger.tag(heading: "", paragraphs: [sentence]).map(\.name)
            XCTAssertEqual(found, expected, sentence)
        }
    }

    func testHeadingsAloneAreNotEvidence() {
        let tagger = CompanyTagger(gazetteer: .builtIn)
        XCTAssertEqual(
            tagger.tag(heading: "Apple Picking Season Starts", paragraphs: ["Farmers expect a good harvest."]).map(
                \.name), [])
        XCTAssertEqual(
            tagger.tag(heading: "Apple Picking Season Starts", paragraphs: ["Apple said iPhone sales rose."]).map(
                \.name), ["Apple"])
        XCTAssertEqual(
            tagger.tag(heading: "Tesla Sets a Record", paragraphs: ["The plant ran all night."]).map(\.name), ["Tesla"])
    }
}
