using System.Security.Cryptography;
using Kok.Domain.Receipts;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kok.Functions.Receipts;

/// <summary>
/// Renders a receipt as an A4 PDF following the official pattern: an Einzelbestätigung (BMF 2013, Anlage 3) on one
/// page; a Sammelbestätigung (Anlage 14) on one page plus its "Anlage zur Sammelbestätigung" over as many pages as
/// its payments need, every page with the receipt number and "Seite x von y". Every sentence comes from
/// <see cref="OfficialReceiptWording"/>, in its order; only the passages that apply are printed (BMF Nr. 1). The
/// issuer printed is the one frozen with the receipt, so a copy years later matches the original; today's
/// organisation settings only for receipts frozen before issuer data was kept. Fonts are embedded. The file is
/// encrypted with a random, never stored owner password, so it opens and prints but cannot be edited: the
/// "schreibgeschütztes Dokument" that BMF 6.2.2017 requires for receipts sent by mail.
/// </summary>
public sealed class PdfReceiptRenderer : IReceiptRenderer
{
    private const double MarginLeft = 57;
    private const double MarginRight = 57;
    private const double MarginTop = 48;
    private const double MarginBottom = 40;

    /// <summary>Room kept free at the bottom of a Sammelbestätigung's pages for the page line.</summary>
    private const double PageLineRoom = 14;

    public PdfReceiptRenderer()
    {
        ReceiptFonts.EnsureRegistered();
    }

    public byte[] Render(ReceiptDocument document, OrganisationProfile organisation) =>
        Render(document, organisation, ReceiptPrint.Original);

    public byte[] Render(ReceiptDocument document, OrganisationProfile organisation, ReceiptPrint print)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(organisation);
        var issuer = document.Issuer ?? organisation;
        if (!issuer.MembershipFeesDeductible && document.Lines.Any(l => l.Kind == ReceiptKind.MembershipFee))
        {
            throw new InvalidOperationException("Membership fees of this organisation are not deductible; no receipt may be issued for them.");
        }

        if (print == ReceiptPrint.Zweitschrift && document.IsDraft)
        {
            throw new InvalidOperationException("A draft has no original to copy.");
        }

        var annual = document.Form == ReceiptForm.Sammelbestaetigung;
        using var pdf = new PdfDocument();
        pdf.Info.Title = Title(document, print);
        pdf.Info.Author = issuer.Name;
        pdf.Info.Subject = annual ? OfficialReceiptWording.AnnualTitle : OfficialReceiptWording.Title;
        pdf.Info.Creator = issuer.ShortName;
        pdf.Info.CreationDate = document.IssueDate.ToDateTime(TimeOnly.MinValue);
        pdf.Language = "de-DE";

        var pages = new List<(PdfPage Page, XGraphics Graphics)>();
        ReceiptPageWriter NewPage()
        {
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            var graphics = XGraphics.FromPdfPage(page);
            pages.Add((page, graphics));
            var bottom = page.Height.Point - MarginBottom - (annual ? PageLineRoom : 0);
            return new ReceiptPageWriter(graphics, MarginLeft, MarginTop, page.Width.Point - MarginLeft - MarginRight, bottom);
        }

        try
        {
            var fonts = new ReceiptFontSet();
            if (annual)
            {
                ReceiptFrontPage.DrawAnnual(NewPage(), document, issuer, fonts);
                AnnualReceiptAnnex.Draw(document, NewPage, fonts);
            }
            else
            {
                ReceiptFrontPage.DrawSingle(NewPage(), document, issuer, fonts);
            }

            for (var i = 0; i < pages.Count; i++)
            {
                if (annual)
                {
                    ReceiptMarks.DrawPageLine(pages[i].Graphics, pages[i].Page, document, (i + 1, pages.Count), MarginLeft);
                }

                ReceiptMarks.Draw(pages[i].Graphics, pages[i].Page, document, print, MarginLeft);
            }
        }
        finally
        {
            foreach (var (_, graphics) in pages)
            {
                graphics.Dispose();
            }
        }

        Protect(pdf);
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string Title(ReceiptDocument document, ReceiptPrint print)
    {
        var title = (document.Form == ReceiptForm.Sammelbestaetigung ? "Sammelbestätigung " : "Zuwendungsbestätigung ") + document.Number;
        return document.IsDraft
            ? OfficialReceiptWording.DraftMarker
            : print == ReceiptPrint.Zweitschrift ? $"{OfficialReceiptWording.CopyMarker}: {title}" : title;
    }

    /// <summary>
    /// AES-128 with an empty user password (anyone may open and print) and a random owner password that is thrown
    /// away, so nobody, including us, can lift the edit protection; a corrected receipt is a new rendering.
    /// </summary>
    private static void Protect(PdfDocument pdf)
    {
        pdf.SecurityHandler.SetEncryptionToV4UsingAES(encryptMetadata: true);
        var settings = pdf.SecuritySettings;
        settings.OwnerPassword = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings.UserPassword = string.Empty;
        settings.PermitPrint = true;
        settings.PermitFullQualityPrint = true;
        settings.PermitExtractContent = true;
        settings.PermitModifyDocument = false;
        settings.PermitAnnotations = false;
        settings.PermitFormsFill = false;
        settings.PermitAssembleDocument = false;
    }
}
