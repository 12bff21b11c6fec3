metadata description = 'Checks main.bicep applies to parameters whose shape the app validates at start-up, so a value the template accepts cannot stop the app (tests/Kok.InfraTests/ParameterBoundsTests.cs holds the two together). Bicep has no pattern decorator: these functions are the patterns.'

var upperLetters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
var digits = '0123456789'
var whitespace = ' \t\r\n'

@description('Every character of text is one of allowed.')
func onlyFrom(text string, allowed string) bool => empty(filter(range(0, length(text)), i => !contains(allowed, substring(text, i, 1))))

@description('No character of text is one of forbidden.')
func noneOf(text string, forbidden string) bool => empty(filter(range(0, length(text)), i => contains(forbidden, substring(text, i, 1))))

@export()
@description('The SEPA creditor identifier as the app normalises it: spaces removed, upper case.')
func normalizedCreditorId(id string) string => toUpper(replace(id, ' ', ''))

@export()
@description('A normalised SEPA creditor identifier (Gläubiger-ID) of the shape the app accepts (DuesConfiguration.Creditor): two letters, two check digits, three letters or digits, then 1 to 28 letters or digits.')
func isSepaCreditorId(id string) bool => length(id) < 8 || length(id) > 35
  ? false
  : onlyFrom(substring(id, 0, 2), upperLetters) && onlyFrom(substring(id, 2, 2), digits) && onlyFrom(substring(id, 4), '${upperLetters}${digits}')

@export()
@description('An absolute https URL without whitespace (the app needs an absolute URL: WebsiteOptions).')
func isHttpsUrl(url string) bool => length(url) > 8 && startsWith(toLower(url), 'https://') && noneOf(url, whitespace)

@export()
@description('A mail address as the app accepts one in a header (SendGridSettings): an @, no whitespace or control character.')
func isMailAddress(address string) bool => contains(address, '@') && noneOf(address, whitespace)

@export()
@description('A host name for https://{name} (letters, digits, dots, hyphens, not starting or ending with a dot or hyphen); empty = none.')
func isHostNameOrEmpty(name string) bool => empty(name) || (length(name) <= 253 && onlyFrom(toLower(name), 'abcdefghijklmnopqrstuvwxyz0123456789.-') && !startsWith(name, '.') && !startsWith(name, '-') && !endsWith(name, '.') && !endsWith(name, '-'))

@export()
@description('A calendar date written yyyy-MM-dd that exists (the app parses it exactly: OrganisationSettings).')
func isIsoDate(date string) bool => length(date) != 10 || substring(date, 4, 1) != '-' || substring(date, 7, 1) != '-' || !onlyFrom('${substring(date, 0, 4)}${substring(date, 5, 2)}${substring(date, 8, 2)}', digits)
  ? false
  : dayExists(int(substring(date, 0, 4)), int(substring(date, 5, 2)), int(substring(date, 8, 2)))

func dayExists(year int, month int, day int) bool => month < 1 || month > 12 || day < 1 || year < 1
  ? false
  : day <= [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
