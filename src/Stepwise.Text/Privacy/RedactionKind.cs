namespace Stepwise.Text.Privacy;

/// <summary>The kinds of personal data removed from comments.</summary>
public enum RedactionKind
{
    /// <summary>An e-mail address, replaced by <c>[email]</c>.</summary>
    Email,

    /// <summary>A phone number, replaced by <c>[phone]</c>.</summary>
    Phone,

    /// <summary>A payment card number (13-19 digits passing the Luhn check), replaced by <c>[card]</c>.</summary>
    Card,

    /// <summary>A bank account number, sort code or IBAN, or another long run of digits, replaced by <c>[account]</c>.</summary>
    Account,

    /// <summary>A UK postcode, replaced by <c>[postcode]</c>.</summary>
    Postcode,

    /// <summary>A person's name (from the name column, or found in the text), replaced by <c>[name]</c>.</summary>
    Name,
}
